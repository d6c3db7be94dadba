/**
 * Parser errors without the file's content. YAML's, JSON's and DuckDB's messages quote what they
 * could not read (a line, a token, a cell); a path that led to the wrong file (a secret, a
 * password file) would then show that file in a terminal, an events.jsonl or a report. Problems
 * keep their position (line, column, byte, field) and what was expected, and drop the rest.
 */

/** Fixed words for each YAML error code (the `yaml` package's), where its own message may quote the source. */
const YAML_PROBLEMS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'an alias cannot carry an anchor or a tag',
  BAD_ALIAS: 'an alias names no anchor set before it',
  BAD_COLLECTION_TYPE: 'a tag does not fit the collection it is on',
  BAD_DIRECTIVE: 'a directive that is not valid',
  BAD_DQ_ESCAPE: 'an escape sequence that is not valid in a double-quoted string',
  BAD_INDENT: 'indentation that does not line up',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  BAD_SCALAR_START: 'a plain value that starts with a character it needs quotes for',
  BLOCK_AS_IMPLICIT_KEY: 'a block value used as a key',
  BLOCK_IN_FLOW: 'a block value inside [...] or {...}',
  DUPLICATE_KEY: 'map keys must be unique; a key is repeated',
  IMPOSSIBLE: 'text the parser cannot read',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing character (a closing quote or bracket, a comma, or a space after ":")',
  MULTILINE_IMPLICIT_KEY: 'implicit keys need to be on a single line',
  MULTIPLE_ANCHORS: 'a node with more than one anchor',
  MULTIPLE_DOCS: 'more than one document (---); expected one',
  MULTIPLE_TAGS: 'a node with more than one tag',
  NON_STRING_KEY: 'a key that is not a string',
  TAB_AS_INDENT: 'a tab used for indentation',
  TAG_RESOLVE_FAILED: 'a tag that cannot be resolved',
  UNEXPECTED_TOKEN: 'unexpected text',
};

/** A YAML parse error in words that never quote the source: by its code. */
export function yamlProblem(code: string): string {
  return YAML_PROBLEMS[code] ?? 'text that is not valid YAML';
}

/**
 * A JSON.parse error without the snippet V8 quotes ("Unexpected token 'r', "root:x:0:0"... is
 * not valid JSON"): the grammar's expectation and, where V8 gives one, the line and column.
 */
export function jsonProblem(error: unknown, text?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (at !== null) {
    const where = text === undefined ? `at byte ${at[2]}` : `at ${lineAndColumn(text, Number(at[2]))}`;
    // V8's messages with a position are the grammar's words ("Expected ',' or '}' after property value"), never the text.
    return `not valid JSON ${where}: ${at[1]}`;
  }
  if (/Unexpected end of JSON input/.test(message)) {
    return 'not valid JSON: it ends too early';
  }
  return 'not valid JSON: an unexpected character';
}

/** DuckDB's message for a row or file it could not read, without the values it quotes. */
export function duckdbProblem(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/Could not convert string (["']).*?\1 to '?([A-Za-z_ ()0-9,]+?)'?(?=$|[.\s,;])/g, 'could not convert a value to $2')
    .replace(/field format: ".*?", expected/g, 'field format: (a value), expected')
    .replace(/Original Line:.*$/, '');
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
