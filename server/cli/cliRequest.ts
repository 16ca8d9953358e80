/** Options every transfer command shares: which server, and (once sign-in exists) whose token. */
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
    throw new Error(`${body.error ?? `request failed (${response.status})`}${body.details?.length ? `: ${body.details.join('; ')}` : ''}`);
  }
  return response;
}

/** Runs a command, printing its error (not a stack) and exiting 1 when it fails. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
