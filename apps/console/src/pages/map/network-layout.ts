import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { MAP_HEIGHT, MAP_WIDTH, type Point } from './geometry';

interface Node extends SimulationNodeDatum {
  id: string;
}

/** A fixed number of steps, run at once: the layout costs one pause, never a re-render per frame. */
const TICKS = 160;
const MARGIN = 16;

/**
 * Places the cities that take part in `links` as a force-directed network: linked cities pull
 * together, all push apart. Each starts where the map puts it (when it has a place), so the network
 * keeps a hint of geography and settles in fewer steps. Returns positions within the map's frame.
 */
export function networkLayout(
  cityIds: readonly string[],
  links: readonly (readonly [string, string])[],
  start: (id: string) => Point | null,
): Map<string, Point> {
  const nodes: Node[] = cityIds.map((id, i) => {
    const at = start(id);
    // A city without a place starts on a small spiral around the middle, so no two coincide.
    const angle = i * 2.4;
    return {
      id,
      x: at ? at[0] : MAP_WIDTH / 2 + Math.cos(angle) * (10 + i / 4),
      y: at ? at[1] : MAP_HEIGHT / 2 + Math.sin(angle) * (10 + i / 4),
    };
  });
  const known = new Set(cityIds);
  const edges = links
    .filter(([a, b]) => a !== b && known.has(a) && known.has(b))
    .map(([source, target]) => ({ source, target }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, { source: string; target: string }>(edges)
        .id((node) => node.id)
        .distance(24)
        .strength(0.2),
    )
    .force('charge', forceManyBody<Node>().strength(-18).distanceMax(180))
    .force('x', forceX<Node>(MAP_WIDTH / 2).strength(0.04))
    .force('y', forceY<Node>(MAP_HEIGHT / 2).strength(0.06))
    .alphaDecay(1 - Math.pow(0.001, 1 / TICKS))
    .stop();
  simulation.tick(TICKS);
  return fitted(nodes);
}

/** The nodes scaled into the map's frame, keeping their aspect. */
function fitted(nodes: readonly Node[]): Map<string, Point> {
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (MAP_WIDTH - 2 * MARGIN) / Math.max(1, maxX - minX),
    (MAP_HEIGHT - 2 * MARGIN) / Math.max(1, maxY - minY),
  );
  const offsetX = (MAP_WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (MAP_HEIGHT - (maxY - minY) * scale) / 2;
  const round = (value: number) => Math.round(value * 10) / 10;
  return new Map(
    nodes.map((n) => [
      n.id,
      [round(offsetX + ((n.x ?? 0) - minX) * scale), round(offsetY + ((n.y ?? 0) - minY) * scale)] as const,
    ]),
  );
}
