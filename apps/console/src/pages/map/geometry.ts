import { geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth's 1:110m countries, shipped by the world-atlas package and bundled into this page's
// chunk at build time: the map fetches nothing from elsewhere.
import countriesAtlas from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 600;

/** [x, y] in the map's SVG coordinates. */
export type Point = readonly [number, number];

// From the Levant to Japan, Siberia's south edge to Indonesia: the forum's members.
const ASIA = { west: 26, east: 150, south: -11, north: 56 };

const projection = geoMercator().fitExtent(
  [
    [8, 8],
    [MAP_WIDTH - 8, MAP_HEIGHT - 8],
  ],
  {
    type: 'MultiPoint',
    coordinates: [
      [ASIA.west, ASIA.south],
      [ASIA.east, ASIA.north],
    ],
  },
);

let land: { countries: string; borders: string } | undefined;

/** The land and the borders between countries, two path strings computed once per page load. */
export function landPaths(): { countries: string; borders: string } {
  if (!land) {
    const topology = countriesAtlas as unknown as Topology<{ countries: GeometryCollection }>;
    const path = geoPath(projection);
    land = {
      countries: path(feature(topology, topology.objects.countries)) ?? '',
      borders: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '',
    };
  }
  return land;
}

/** Where a place falls on the map, or null when it has no coordinates. */
export function project(latitude: number | null, longitude: number | null): Point | null {
  if (latitude === null || longitude === null) return null;
  const point = projection([longitude, latitude]);
  return point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : null;
}

/**
 * A link's path: a gentle arc from the proposer to each other participant (one sub-path each, so a
 * multilateral partnership stays one element), or null when fewer than two of them have a place.
 */
export function linkPath(points: readonly (Point | undefined)[]): string | null {
  const [from, ...others] = points.filter((p): p is Point => p !== undefined);
  if (!from || others.length === 0) return null;
  let d = '';
  for (const to of others) {
    const dx = to[0] - from[0];
    const dy = to[1] - from[1];
    // The control point sits off the chord's middle by a sixth of its length, always to the same side.
    const cx = (from[0] + to[0]) / 2 - dy / 6;
    const cy = (from[1] + to[1]) / 2 + dx / 6;
    d += `M${from[0]},${from[1]}Q${cx.toFixed(1)},${cy.toFixed(1)} ${to[0]},${to[1]}`;
  }
  return d;
}
