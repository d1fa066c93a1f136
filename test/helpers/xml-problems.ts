import { validateXML } from 'xmllint-wasm';

/**
 * What libxml2's xmllint finds wrong in an XML document, one line per problem ('' when nothing):
 * whether it is well formed, and, given an XSD, whether it is valid against it. xmllint runs as
 * WebAssembly from the npm package xmllint-wasm, so no system tool is needed.
 */
export async function xmlProblems(xml: string, xsd?: string): Promise<string> {
  const document = { fileName: 'document.xml', contents: xml };
  // Without a schema, formatting the document is what makes xmllint parse it, and fail if it is not well formed.
  const result = await validateXML(xsd === undefined ? { xml: document, normalization: 'format' } : { xml: document, schema: xsd });
  if (result.valid) return '';
  return result.errors.length > 0
    ? result.errors.map((error) => error.rawMessage).join('\n')
    : result.rawOutput || 'xmllint rejected the document without saying why';
}
