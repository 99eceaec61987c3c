/** A column of a table: its heading and how a row shows in it. */
export type Column<T> = [heading: string, cell: (row: T) => string | number | boolean | null | undefined];

/** Rows as a plain-text table, columns as wide as their widest cell; `none` when there are no rows. */
export function table<T>(rows: T[], columns: Column<T>[], none = '(none)'): string {
  if (rows.length === 0) return none;
  const cells = rows.map((row) => columns.map(([, cell]) => String(cell(row) ?? '')));
  const widths = columns.map(([heading], i) =>
    Math.max(heading.length, ...cells.map((line) => line[i].length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([heading]) => heading.toUpperCase())), ...cells.map(line)].join('\n');
}
