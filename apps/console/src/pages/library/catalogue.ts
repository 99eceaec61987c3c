import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { t } from '../../i18n';

export type Practice = Schemas['BestPracticeResponse'];
export type Challenge = Practice['challenges'][number];
export type PracticeArea = Practice['cooperationAreas'][number];
export type PracticeStatus = Practice['status'];
export type Catalogue = Schemas['PracticeCatalogueResponse'];

/** The tags practices carry (challenges, SDGs, cooperation areas), as the API lists them. */
export function usePracticeCatalogue() {
  return useQuery({
    queryKey: ['common-challenges'],
    queryFn: async () => unwrap(await api.GET('/api/v1/common-challenges')),
    staleTime: 10 * 60_000,
  });
}

export const challengeLabel = (catalogue: Catalogue | undefined, id: string): string =>
  catalogue?.challenges.find((challenge) => challenge.id === id)?.label ?? id;

export const sdgLabel = (catalogue: Catalogue | undefined, goal: number): string => {
  const title = catalogue?.sdgs.find((sdg) => sdg.goal === goal)?.title;
  return title ? t.library.sdgNamed(goal, title) : t.library.sdg(goal);
};

export const areaLabel = (id: string): string => t.partnerships.areaNames[id] ?? id;
