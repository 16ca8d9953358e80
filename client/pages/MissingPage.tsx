import { AppHeader } from '../components/AppHeader.tsx';
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
        <p>
          <Link href="/">Go to the workspace</Link>
        </p>
      </main>
    </>
  );
}
