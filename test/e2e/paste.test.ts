import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, createDocument, editorOf, startE2eApp, type E2eApp, type User } from './support/e2eApp.ts';

/** Clipboard HTML shaped like Word's: list paragraphs with hidden bullet glyphs, o:p, comments. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h1><span lang=EN-GB>Capacity building priorities<o:p></o:p></span></h1>
<p class=MsoNormal>The group listed these themes:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Incident response teams<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Regional exercises<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Secure software development<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Agree on definitions<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Collect case studies<o:p></o:p></span></p>
<p class=MsoNormal>See the <a href="https://example.org/capacity">capacity portal</a> for details.<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Region<o:p></o:p></b></p></td><td><p class=MsoNormal><b>Lead<o:p></o:p></b></p></td></tr>
 <tr><td><p class=MsoNormal>Africa<o:p></o:p></p></td><td><p class=MsoNormal>Working group A<o:p></o:p></p></td></tr>
</table>
<!--EndFragment-->
</body></html>`;

/** Clipboard HTML shaped like Google Docs': everything inside a <b style="font-weight:normal"> wrapper. */
const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5e1a7c2b-7fff-1b2c-8a3d-0c9e4f1a2b3c"><h2 dir="ltr"><span style="font-size:16pt;font-weight:400;">Open questions</span></h2><p dir="ltr"><span style="font-weight:400;">Plain words from a shared doc.</span></p><ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Who hosts the next session?</span></p></li></ul></b>`;

/** Whether the caret is in the document's last top-level paragraph. */
function caretInLastParagraph(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const last = document.querySelector('#document-text > p:last-of-type');
    const anchor = window.getSelection()?.anchorNode;
    return document.activeElement?.id === 'document-text' && !!last && !!anchor && last.contains(anchor);
  });
}

/**
 * Pastes into the empty paragraph that always ends the document, once the caret is there: right
 * after a paste the editor may still be redrawing that paragraph, so a click can land on the node
 * it replaces (a person would see the caret elsewhere and click again; so does this).
 */
async function paste(page: Page, html: string): Promise<void> {
  await expect
    .poll(async () => {
      if (await caretInLastParagraph(page)) return true;
      await editorOf(page).locator(':scope > p').last().click();
      return caretInLastParagraph(page);
    })
    .toBe(true);
  await editorOf(page).evaluate((element, clipboardHtml) => {
    const data = new DataTransfer();
    data.setData('text/html', clipboardHtml);
    data.setData('text/plain', 'plain text fallback');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

describe('pasting from word processors', () => {
  let app: E2eApp;
  let user: User;

  beforeAll(async () => {
    app = await startE2eApp();
    user = await arrive(app, 'Chen Wei', 'Blue');
    await createDocument(user.page, 'Pasted material', 'Contribution');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps headings, bulleted and numbered lists with nesting, links and tables from Word', async () => {
    await paste(user.page, WORD_HTML);
    const editor = editorOf(user.page);
    await editor.locator('table').waitFor();

    expect(await editor.locator('h1').textContent()).toBe('Capacity building priorities');
    const bullets = editor.locator('ul').first();
    expect(await bullets.locator(':scope > li > p').allTextContents()).toEqual(['Incident response teams', 'Secure software development']);
    expect(await bullets.locator(':scope > li ul > li').allTextContents()).toEqual(['Regional exercises']);
    expect(await editor.locator('ol > li').allTextContents()).toEqual(['Agree on definitions', 'Collect case studies']);
    expect(await editor.locator('a').getAttribute('href')).toBe('https://example.org/capacity');
    expect(await editor.locator('table tr').count()).toBe(2);
    expect(await editor.locator('table td, table th').allTextContents()).toEqual(['Region', 'Lead', 'Africa', 'Working group A']);

    const text = (await editor.textContent()) ?? '';
    expect(text).not.toContain('·');
    expect(text).not.toContain('supportLists');
    expect(text).not.toContain('plain text fallback');
  });

  it('does not make Google Docs text bold and keeps its structure', async () => {
    await paste(user.page, GOOGLE_DOCS_HTML);
    const editor = editorOf(user.page);
    await editor.locator(':scope > h2', { hasText: 'Open questions' }).waitFor({ timeout: 10_000 });
    expect(await editor.locator('ul li', { hasText: 'Who hosts the next session?' }).count()).toBe(1);
    const paragraph = editor.locator('p', { hasText: 'Plain words from a shared doc.' });
    expect(await paragraph.locator('strong').count()).toBe(0);
  });
});
