/**
 * The `If-Match` value naming the version of a resource as read: the services' ETags are the
 * resource's version (`W/"<version>"`, libs/platform's etagOf), and every list item carries its
 * version, so a change made from a list needs no extra read to send it.
 */
export const ifMatch = (version: number): string => `W/"${version}"`;
