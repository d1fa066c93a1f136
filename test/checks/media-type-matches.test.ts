import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mediaTypeEssence, mediaTypeMatches } from '../../src/checks/media-type-matches.js';

// content-type-documented and response-schema-valid match a received Content-Type against the
// spec's media types. spec/NOTES.md#media-types: "A response media type matches `application/json`
// when, without its parameters and in any case, it is `application/json` or any
// `application/*+json`."

describe('media type essence', () => {
  test('drops parameters and case', () => assert.equal(mediaTypeEssence(' Application/JSON ; charset=UTF-8'), 'application/json'));
  test('an empty Content-Type has an empty essence', () => assert.equal(mediaTypeEssence(''), ''));
});

describe('media-type-matches (content-type-documented, response-schema-valid)', () => {
  test('"without its parameters and in any case, it is application/json"', () => {
    assert.equal(mediaTypeMatches('application/json', 'application/json'), true);
    assert.equal(mediaTypeMatches('APPLICATION/JSON;charset=UTF-8', 'application/json'), true);
  });
  test('"or any application/*+json": the actuator\'s own type', () =>
    assert.equal(mediaTypeMatches('application/vnd.spring-boot.actuator.v3+json', 'application/json; charset=utf-8'), true));
  test('"Any other media type on a documented JSON answer, such as text/html, is a violation"', () => {
    assert.equal(mediaTypeMatches('text/html', 'application/json'), false);
    assert.equal(mediaTypeMatches('text/json', 'application/json'), false);
    assert.equal(mediaTypeMatches('application/json+xml', 'application/json'), false);
    assert.equal(mediaTypeMatches('application/xml', 'application/json'), false);
    assert.equal(mediaTypeMatches('text/vnd.example+json', 'application/json'), false);
    assert.equal(mediaTypeMatches('', 'application/json'), false);
  });
  test('the +json suffix widens only application/json, not another documented type', () =>
    assert.equal(mediaTypeMatches('application/problem+json', 'application/xml'), false));
  test('a documented */* accepts any media type', () => {
    assert.equal(mediaTypeMatches('text/plain', '*/*'), true);
    assert.equal(mediaTypeMatches('application/json', '*/*'), true);
  });
  test('a documented type/* accepts any subtype of that type only', () => {
    assert.equal(mediaTypeMatches('text/plain; charset=utf-8', 'text/*'), true);
    assert.equal(mediaTypeMatches('application/plain', 'text/*'), false);
    assert.equal(mediaTypeMatches('texts/plain', 'text/*'), false);
  });
  test('another documented type matches only itself', () => {
    assert.equal(mediaTypeMatches('text/plain', 'text/plain'), true);
    assert.equal(mediaTypeMatches('text/html', 'text/plain'), false);
  });
});
