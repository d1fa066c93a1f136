import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isJsonMediaType } from '../../src/server/request/is-json-media-type.js';

describe('isJsonMediaType', () => {
  test('accepts application/json and application/*+json, with parameters, in any case', () => {
    for (const type of [
      'application/json',
      'application/json;charset=UTF-8',
      ' Application/JSON ; q=1',
      'application/problem+json',
      'application/vnd.spring-boot.actuator.v3+json',
    ]) {
      assert.equal(isJsonMediaType(type), true, type);
    }
  });

  test('refuses everything else', () => {
    for (const type of [
      undefined,
      '',
      'text/plain',
      'text/json',
      'application/jsonp',
      'application/+json',
      'application/x-json-stream',
      'multipart/form-data',
    ]) {
      assert.equal(isJsonMediaType(type), false, String(type));
    }
  });
});
