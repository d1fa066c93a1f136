/**
 * The raw text of the value of member `name` in the top-level JSON object `jsonText`, or undefined
 * when the object has no such member. The caller must have checked that `jsonText` is a valid JSON
 * object (JSON.parse). The raw text is what lets a 64-bit id through exactly: JSON.parse would
 * round it to a double first. When a name repeats, the last one wins, as with JSON.parse.
 */
export function rawMemberValue(jsonText: string, name: string): string | undefined {
  let found: string | undefined;
  let i = skipWhitespace(jsonText, jsonText.indexOf('{') + 1);
  while (i < jsonText.length && jsonText[i] !== '}') {
    const keyEnd = skipString(jsonText, i);
    const key: unknown = JSON.parse(jsonText.slice(i, keyEnd));
    const valueStart = skipWhitespace(jsonText, skipWhitespace(jsonText, keyEnd) + 1);
    const valueEnd = skipValue(jsonText, valueStart);
    if (key === name) found = jsonText.slice(valueStart, valueEnd);
    i = skipWhitespace(jsonText, valueEnd);
    if (jsonText[i] === ',') i = skipWhitespace(jsonText, i + 1);
  }
  return found;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  return i;
}

/** From the opening quote to just after the closing one. */
function skipString(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipValue(text: string, from: number): number {
  const first = text[from];
  if (first === '"') return skipString(text, from);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = from;
    do {
      const c = text[i];
      if (c === '"') {
        i = skipString(text, i);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      i++;
    } while (depth > 0 && i < text.length);
    return i;
  }
  let i = from;
  while (i < text.length && !',}] \t\n\r'.includes(text[i] ?? '')) i++;
  return i;
}
