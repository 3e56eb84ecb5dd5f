import { strToU8, zipSync } from 'fflate';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** Builds an invented DOCX from a `w:body` inner XML and optional numbering/styles/core parts. */
export function inventedDocx(
  body: string,
  parts: { numbering?: string; styles?: string; core?: string; extra?: Record<string, string> } = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  };
  if (parts.numbering)
    files['word/numbering.xml'] = strToU8(
      `<?xml version="1.0"?><w:numbering ${W}>${parts.numbering}</w:numbering>`,
    );
  if (parts.styles)
    files['word/styles.xml'] = strToU8(`<?xml version="1.0"?><w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.core) files['docProps/core.xml'] = strToU8(parts.core);
  for (const [name, xml] of Object.entries(parts.extra ?? {})) files[name] = strToU8(xml);
  return zipSync(files);
}

/** A paragraph with plain runs. */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** Paragraph properties for list numbering. */
export function num(numId: number, ilvl: number): string {
  return `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
}
