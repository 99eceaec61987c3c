import { useId } from 'react';
import { t } from '../../i18n';

export interface Bar {
  readonly label: string;
  readonly count: number;
}

const BAR_COLOUR = '#0b57a4';
const TEXT_COLOUR = '#1b1f24';

/**
 * A bar chart drawn by hand in SVG: an image named by its title and summarised in its description
 * for a screen reader, with the same figures in a table beside it for anyone who would rather read.
 * Horizontal bars suit long category names; vertical ones suit time (years left to right).
 */
export function BarChart({
  title,
  categoryHeading,
  bars,
  orientation,
}: {
  title: string;
  categoryHeading: string;
  bars: readonly Bar[];
  orientation: 'horizontal' | 'vertical';
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const summary = t.charts.summary(title, bars.map((bar) => t.charts.part(bar.label, bar.count)).join(', '));
  return (
    <figure className="card chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {orientation === 'horizontal' ? (
        <HorizontalBars id={id} title={title} summary={summary} bars={bars} max={max} />
      ) : (
        <VerticalBars id={id} title={title} summary={summary} bars={bars} max={max} />
      )}
      <details>
        <summary>{t.charts.table}</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeading}</th>
              <th scope="col">{t.charts.count}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

interface BarsProps {
  id: string;
  title: string;
  summary: string;
  bars: readonly Bar[];
  max: number;
}

const LABEL_WIDTH = 250;
const PLOT_WIDTH = 420;
const ROW = 22;

function HorizontalBars({ id, title, summary, bars, max }: BarsProps) {
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + PLOT_WIDTH + 50;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="chart-svg"
      viewBox={`0 0 ${width} ${height}`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {bars.map((bar, i) => {
        const y = 4 + i * ROW;
        const length = (bar.count / max) * PLOT_WIDTH;
        return (
          <g key={bar.label}>
            <text
              x={LABEL_WIDTH - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fill={TEXT_COLOUR}
            >
              {bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={length} height={ROW - 6} fill={BAR_COLOUR} />
            <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2} dominantBaseline="middle" fill={TEXT_COLOUR}>
              {bar.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const PLOT_HEIGHT = 200;

function VerticalBars({ id, title, summary, bars, max }: BarsProps) {
  const slot = Math.max(18, Math.min(48, 700 / Math.max(1, bars.length)));
  const width = Math.max(320, bars.length * slot + 20);
  // Years are four digits: beyond about 28 bars, every other label keeps them legible.
  const labelEvery = slot < 26 ? 2 : 1;
  const height = PLOT_HEIGHT + 44;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className="chart-svg"
      viewBox={`0 0 ${width} ${height}`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <line x1={10} x2={width - 10} y1={PLOT_HEIGHT + 20} y2={PLOT_HEIGHT + 20} stroke="#6b7280" />
      {bars.map((bar, i) => {
        const x = 10 + i * slot;
        const length = (bar.count / max) * PLOT_HEIGHT;
        return (
          <g key={bar.label}>
            <rect
              x={x + 3}
              y={PLOT_HEIGHT + 20 - length}
              width={slot - 6}
              height={length}
              fill={BAR_COLOUR}
            />
            {bar.count > 0 ? (
              <text
                x={x + slot / 2}
                y={PLOT_HEIGHT + 14 - length}
                textAnchor="middle"
                fill={TEXT_COLOUR}
                fontSize={11}
              >
                {bar.count}
              </text>
            ) : null}
            {i % labelEvery === 0 ? (
              <text
                x={x + slot / 2}
                y={PLOT_HEIGHT + 36}
                textAnchor="middle"
                fill={TEXT_COLOUR}
                fontSize={12}
              >
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
