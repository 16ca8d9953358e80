/** Options every transfer command shares: which server, and whose session token. */
export const SERVER_OPTIONS = {
  server: { type: 'string', default: process.env.NORMSPACE_URL ?? 'http://127.0.0.1:3000' },
  token: { type: 'string', default: process.env.NORMSPACE_TOKEN },
  workspace: { type: 'string', short: 'w' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Calls the running server's API (the CLI goes through the same validation and access checks as the web app). */
export async function cliRequest(server: string, token: string | undefined, path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(new URL(path, server), { ...init, headers });
  } catch {
    throw new Error(`Normspace is not reachable at ${server}: start it (npm start) or pass --server.`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; details?: string[] };
    const message = `${body.error ?? `request failed (${response.status})`}${body.details?.length ? `: ${body.details.join('; ')}` : ''}`;
    throw new Error(`${message}${accessHint(response.status, token)}`);
  }
  return response;
}

/** What to do about a refusal: the server's own messages speak of invite links, which a script has none of. */
function accessHint(status: number, token: string | undefined): string {
  if (status === 401) {
    return `\n${token ? 'The server did not accept this token' : 'No token was given'}. Print one with \`npm run admin -- token <member>\` (run with the server's DATA_DIR)\nand pass it as NORMSPACE_TOKEN=… or --token.`;
  }
  if (status === 403) return '\nThe token is valid but its member may not do this here: check their role with `npm run admin -- members`.';
  return '';
}

/** Runs a command, printing its error (not a stack) and exiting 1 when it fails. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
