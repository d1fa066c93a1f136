// The part of GitHub's expression language that action.yml uses, read as a runner reads it: literals, contexts and their
// properties (`inputs.node-version`, `strategy.job-index`), `!`, `==`, `!=`, `&&`, `||`, and the functions toJSON,
// format, always, success and failure. Enough to run the Action's steps in a test; an expression it cannot read throws.

export type ExpressionValue = string | number | boolean | null | { readonly [key: string]: ExpressionValue };

/** The contexts an expression reads (github, inputs, strategy, ...) and whether an earlier step failed. */
export interface ExpressionScope {
  readonly contexts: Readonly<Record<string, ExpressionValue>>;
  readonly failed: boolean;
}

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|([A-Za-z_][\w-]*)|(\|\||&&|==|!=|[!().,]))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const match = TOKEN.exec(text);
    if (match === null) throw new Error(`cannot read the expression ${JSON.stringify(text)} at ${TOKEN.lastIndex}`);
    tokens.push(match[0].trim());
  }
  return tokens;
}

const truthy = (value: ExpressionValue): boolean => value !== null && value !== false && value !== '' && value !== 0;

/** As a runner compares: strings without regard to case, other values as they are. */
function equal(left: ExpressionValue, right: ExpressionValue): boolean {
  return typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() === right.toLowerCase() : left === right;
}

function asText(value: ExpressionValue): string {
  return typeof value === 'string' ? value : value === null ? '' : typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);
}

function call(name: string, args: readonly ExpressionValue[], scope: ExpressionScope): ExpressionValue {
  switch (name.toLowerCase()) {
    case 'tojson':
      return JSON.stringify(args[0] ?? null, null, 2);
    case 'format':
      return asText(args[0] ?? '').replace(/\{(\d+)\}/g, (_, index: string) => asText(args[Number(index) + 1] ?? ''));
    case 'always':
      return true;
    case 'success':
      return !scope.failed;
    case 'failure':
      return scope.failed;
    default:
      throw new Error(`the function ${name} is not one this reader knows`);
  }
}

/** A recursive-descent reading of the tokens, lowest precedence first: || then && then == and != then ! then a primary. */
class Reader {
  private position = 0;
  constructor(
    private readonly tokens: readonly string[],
    private readonly scope: ExpressionScope,
  ) {}

  read(): ExpressionValue {
    const value = this.or();
    if (this.position !== this.tokens.length) throw new Error(`unexpected ${this.tokens[this.position]} in the expression`);
    return value;
  }

  private take(token: string): boolean {
    if (this.tokens[this.position] !== token) return false;
    this.position++;
    return true;
  }

  private or(): ExpressionValue {
    let value = this.and();
    while (this.take('||')) {
      const right = this.and();
      value = truthy(value) ? value : right;
    }
    return value;
  }

  private and(): ExpressionValue {
    let value = this.equality();
    while (this.take('&&')) {
      const right = this.equality();
      value = truthy(value) ? right : value;
    }
    return value;
  }

  private equality(): ExpressionValue {
    const value = this.unary();
    if (this.take('==')) return equal(value, this.unary());
    if (this.take('!=')) return !equal(value, this.unary());
    return value;
  }

  private unary(): ExpressionValue {
    return this.take('!') ? !truthy(this.unary()) : this.primary();
  }

  private primary(): ExpressionValue {
    const token = this.tokens[this.position++] ?? '';
    if (token === '(') {
      const value = this.or();
      if (!this.take(')')) throw new Error('a ( is not closed');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (/^\d/.test(token)) return Number(token);
    if (/^(true|false|null)$/.test(token)) return JSON.parse(token) as ExpressionValue;
    if (this.take('(')) return call(token, this.args(), this.scope);
    let value: ExpressionValue = this.scope.contexts[token] ?? null;
    while (this.take('.')) {
      const key = this.tokens[this.position++] ?? '';
      value = value !== null && typeof value === 'object' ? (value[key] ?? null) : null;
    }
    return value;
  }

  private args(): ExpressionValue[] {
    const args: ExpressionValue[] = [];
    if (this.take(')')) return args;
    do args.push(this.or());
    while (this.take(','));
    if (!this.take(')')) throw new Error('a call is not closed');
    return args;
  }
}

/** The value of an expression, written with or without its `${{ }}`. */
export function evaluateExpression(text: string, scope: ExpressionScope): ExpressionValue {
  const bare = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1] ?? text;
  return new Reader(tokenize(bare), scope).read();
}

/** A string with each `${{ }}` in it replaced by its value as text. */
export function interpolate(text: string, scope: ExpressionScope): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => asText(new Reader(tokenize(expression), scope).read()));
}
