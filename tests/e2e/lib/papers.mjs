// Papers to upload in browser tests, whole as scanners write them: the server checks the whole
// file (a PDF's cross-reference section, startxref and %%EOF), not only its first bytes.
export function samplePdf (filler = 'scanned paper') {
  const head = Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'),
    Buffer.from(filler),
    Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')
  ])
  const tail = 'xref\n0 2\n0000000000 65535 f \n0000000015 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n' +
    `startxref\n${head.length}\n%%EOF\n`
  return Buffer.concat([head, Buffer.from(tail)])
}
