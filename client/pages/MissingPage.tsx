import { AppHeader } from '../components/AppHeader.tsx';
import { readSessions } from '../auth/sessionStorage.ts';
import { Link } from '../components/Link.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** A page for an address that leads nowhere, with a way back. */
export function MissingPage({ title, text }: { title: string; text: string }) {
  useDocumentTitle(title);
  return (
    <>
      <AppHeader homeHref="/" />
      <main id="main" tabIndex={-1} className="message-page">
        <h1 className="page-title">{title}</h1>
        <p>{text}</p>
        {Object.keys(readSessions()).length > 0 && (
          <p>
            <Link href="/">Go to your workspace</Link>
          </p>
        )}
      </main>
    </>
  );
}
