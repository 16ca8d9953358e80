/** "Contribution_ACME v2.docx" → "Contribution ACME v2": a readable title from a file name. */
export function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const title = base.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return title || undefined;
}
