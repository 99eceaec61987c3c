/** The token of an `Authorization: Bearer …` header (scheme case-insensitive, RFC 9110). */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return match?.[1];
}
