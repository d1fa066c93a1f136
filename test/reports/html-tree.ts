import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** A page as an HTML5 parser (parse5, the algorithm browsers implement) builds it. */
export interface HtmlTree {
  /** Every element, in document order. */
  readonly elements: readonly Element[];
  /** The parse errors the HTML5 algorithm defines, by code (e.g. `end-tag-without-matching-open-element`). */
  readonly parseErrors: readonly string[];
  /** The document's quirks mode: `no-quirks` for a page with `<!DOCTYPE html>`. */
  readonly mode: string;
}

export function parseHtml(page: string): HtmlTree {
  const parseErrors: string[] = [];
  const document = parse(page, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => parseErrors.push(`${error.code} at line ${error.startLine}, column ${error.startCol}`),
  });
  return { elements: descendants(document), parseErrors, mode: document.mode };
}

/** The elements below a node, in document order (a template's content included). */
export function descendants(node: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (parent: ParentNode): void => {
    const children = parent.nodeName === 'template' ? (parent as DefaultTreeAdapterMap['template']).content.childNodes : parent.childNodes;
    for (const child of children) {
      if (!('tagName' in child)) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => (attr.prefix === undefined ? attr.name : `${attr.prefix}:${attr.name}`) === name)?.value;
}

export function classes(element: Element): string[] {
  return (attribute(element, 'class') ?? '').split(/\s+/).filter((name) => name !== '');
}

/** The text of an element and everything below it, entities decoded, as the DOM's textContent. */
export function textContent(element: Element): string {
  return element.childNodes
    .map((child) => ('value' in child && child.nodeName === '#text' ? child.value : 'tagName' in child ? textContent(child) : ''))
    .join('');
}

/** The nearest enclosing element with this tag name. */
export function closest(element: Element, tagName: string): Element | undefined {
  let node: ParentNode | null = element.parentNode;
  while (node !== null && 'tagName' in node) {
    if (node.tagName === tagName) return node;
    node = node.parentNode;
  }
  return undefined;
}
