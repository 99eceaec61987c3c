import { en } from './en';

/** The catalogue in use. English only for now; another language is a file shaped like `en`. */
export const t = en;
