import { Fragment } from 'react';
import { parseCommentMarkup, type CommentToken } from '../../shared/comments/commentMarkup.ts';

function styled(token: Extract<CommentToken, { type: 'text' | 'link' }>, content: React.ReactNode): React.ReactNode {
  let node = content;
  if (token.italic) node = <em>{node}</em>;
  if (token.bold) node = <strong>{node}</strong>;
  return node;
}

/** A comment's text as elements: its small markup becomes tags, everything else stays text. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment__body">
      {parseCommentMarkup(body).map((token, index) => {
        switch (token.type) {
          case 'break':
            return <br key={index} />;
          case 'mention':
            return (
              <span key={index} className="comment__mention">
                @{token.name}
              </span>
            );
          case 'link':
            return (
              <Fragment key={index}>
                {styled(
                  token,
                  <a href={token.href} target="_blank" rel="noopener noreferrer nofollow">
                    {token.text}
                  </a>,
                )}
              </Fragment>
            );
          default:
            return <Fragment key={index}>{styled(token, token.text)}</Fragment>;
        }
      })}
    </div>
  );
}
