/** Free text with something in it, documented as it is validated: the platform's rule. */
export { IsText } from '@c2c/platform';
