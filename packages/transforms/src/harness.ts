/**
 * The code that runs inside each sandbox around the user's function. It receives a batch of messages
 * as one string and answers with one string, so a batch crosses into the sandbox and back once and no
 * object tree is copied handle by handle.
 *
 * Messages are joined with U+001E (record separator), which valid JSON text never contains raw:
 * control characters inside JSON strings are always escaped. U+0000 would be simpler but strings
 * cross into the sandbox as C strings, which end at the first U+0000. Each answer starts with a
 * one-letter outcome code and answers are joined the same way; any text that is not JSON output has
 * its control characters replaced.
 */

export const BATCH_SEPARATOR = '\u001e';

/** The first character of each answer. */
export const OUTCOME = {
  ok: 'o',
  threw: 't',
  outOfMemory: 'm',
  stackOverflow: 's',
  wrongType: 'r',
  notSerializable: 'j',
  invalidMessage: 'i',
} as const;

/** What the function's result must be: any JSON value (a transform) or a boolean (a filter). */
export type ExpectedResult = 'json' | 'boolean';

/**
 * Evaluates to `(userFunction, expected) => (batchText) => answersText`.
 * Built-ins are captured before the user's code runs, so redefining `JSON` or `String.prototype`
 * in a transform cannot change how messages are read or answers written.
 */
export const HARNESS_SOURCE = String.raw`(function () {
  'use strict';
  const parseJson = JSON.parse;
  const stringifyJson = JSON.stringify;
  const applyFunction = Reflect.apply;
  const splitString = String.prototype.split;
  const replaceInString = String.prototype.replace;
  const execRegExp = RegExp.prototype.exec;
  const toText = String;
  const isArray = Array.isArray;
  const isFiniteNumber = Number.isFinite;
  const PromiseConstructor = Promise;
  const InternalErrorConstructor = InternalError;
  const SEPARATOR = '\u001e';
  const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;
  const LINE_IN_STACK = /(?:transform|filter|router)\.js:(\d+)/;

  function clean(text) {
    return applyFunction(replaceInString, text, [CONTROL_CHARACTERS, ' ']);
  }

  function lineOf(stack) {
    if (typeof stack !== 'string') return '';
    const match = applyFunction(execRegExp, LINE_IN_STACK, [stack]);
    return match ? ' (line ' + match[1] + ')' : '';
  }

  // An out-of-memory or stack-overflow error has its own outcome so the host can name the limit.
  function limitOutcome(thrown) {
    if (!(thrown instanceof InternalErrorConstructor)) return null;
    if (thrown.message === 'out of memory') return '${OUTCOME.outOfMemory}';
    if (thrown.message === 'stack overflow') return '${OUTCOME.stackOverflow}';
    return null;
  }

  function describeThrown(thrown) {
    try {
      if (thrown !== null && typeof thrown === 'object') {
        const name = typeof thrown.name === 'string' ? thrown.name : 'Error';
        const message = typeof thrown.message === 'string' ? thrown.message : toText(thrown);
        return clean(name + ': ' + message + lineOf(thrown.stack));
      }
      return clean(toText(thrown));
    } catch (describing) {
      return 'a value that cannot be described';
    }
  }

  function describeType(value) {
    if (value === null) return 'null';
    if (value === undefined) return 'undefined';
    if (typeof value === 'function') return 'a function';
    if (typeof value === 'bigint') return 'a BigInt';
    if (typeof value === 'symbol') return 'a symbol';
    if (typeof value === 'string') return 'a string';
    if (typeof value === 'number') return isFiniteNumber(value) ? 'a number' : toText(value);
    if (typeof value === 'boolean') return 'a boolean';
    if (value instanceof PromiseConstructor) return 'a Promise';
    if (isArray(value)) return 'an array';
    return 'an object';
  }

  function serialize(result, expected) {
    if (expected === 'boolean') {
      return typeof result === 'boolean' ? '${OUTCOME.ok}' + (result ? 'true' : 'false') : '${OUTCOME.wrongType}' + describeType(result);
    }
    const type = typeof result;
    if (type === 'function' || type === 'undefined' || type === 'bigint' || type === 'symbol'
      || (type === 'number' && !isFiniteNumber(result)) || result instanceof PromiseConstructor) {
      return '${OUTCOME.wrongType}' + describeType(result);
    }
    let json;
    try {
      json = stringifyJson(result);
    } catch (failure) {
      return (limitOutcome(failure) || '${OUTCOME.notSerializable}') + describeThrown(failure);
    }
    // A top-level object whose toJSON returns undefined still gives no JSON text.
    return typeof json === 'string' ? '${OUTCOME.ok}' + json : '${OUTCOME.wrongType}' + describeType(json);
  }

  function runOne(userFunction, messageJson, expected) {
    let message;
    try {
      message = parseJson(messageJson);
    } catch (failure) {
      return (limitOutcome(failure) || '${OUTCOME.invalidMessage}') + describeThrown(failure);
    }
    let result;
    try {
      result = userFunction(message);
    } catch (failure) {
      return (limitOutcome(failure) || '${OUTCOME.threw}') + describeThrown(failure);
    }
    return serialize(result, expected);
  }

  return function createRunner(userFunction, expected) {
    return function runBatch(batchText) {
      const messages = applyFunction(splitString, batchText, [SEPARATOR]);
      let answers = '';
      for (let index = 0; index < messages.length; index++) {
        if (index > 0) answers += SEPARATOR;
        answers += runOne(userFunction, messages[index], expected);
      }
      return answers;
    };
  };
})()`;
