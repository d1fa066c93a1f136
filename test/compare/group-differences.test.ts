import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupDifferences, type StepDifference, type StepTakes } from '../../src/compare/group-differences.js';

const at = (step: number, aspect: string, a: string, b: string): StepDifference => ({ step, aspect, a, b });

/** Each group as `head: A / B @steps` with its follow-ons as `aspect @steps`. */
function shown(all: readonly StepDifference[], steps: readonly StepTakes[]): string[][] {
  return groupDifferences(all, steps).map(({ head, followOns }) => [
    `${head.aspect}: ${head.a} / ${head.b} @${head.steps.join(',')}`,
    ...followOns.map((f) => `${f.aspect} @${f.steps.join(',')}`),
  ]);
}

/** Each case: the differences found step by step, what each step took, and the groups they make. */
const cases: { name: string; found: StepDifference[]; steps?: StepTakes[]; groups: string[][] }[] = [
  {
    name: 'another status heads every other difference of its step, and one head at many steps is one group',
    found: [at(3, 'status', '400', '202'), at(3, 'value .message', 'bad id', 'scheduled'), at(5, 'status', '400', '202')],
    groups: [['status: 400 / 202 @3,5', 'value .message @3']],
  },
  {
    name: 'a field on one side only heads what is read beneath it; a value of a field both have is a difference of its own',
    found: [
      at(4, 'field .details[].brokerId', 'number', '(absent)'),
      at(4, 'order .details[].brokerId', 'ascending', '(absent)'),
      at(4, 'order .details[].partitionId', 'ascending', 'unordered'),
    ],
    groups: [['field .details[].brokerId: number / (absent) @4', 'order .details[].brokerId @4'], ['order .details[].partitionId: ascending / unordered @4']],
  },
  {
    name: 'fields that differ at exactly the same steps are one group, each side naming its own',
    found: [
      at(7, 'field .message', 'string', '(absent)'),
      at(7, 'value .message', 'bad id', '(absent)'),
      at(7, 'field .error', '(absent)', 'string'),
      at(8, 'field .message', 'string', '(absent)'),
      at(8, 'field .error', '(absent)', 'string'),
      at(9, 'field .extra', '(absent)', 'boolean'),
    ],
    groups: [['fields: .message (string) / .error (string) @7,8', 'value .message @7'], ['field .extra: (absent) / boolean @9']],
  },
  {
    name: 'a later list that holds on one side only what a take with another status made follows from that take',
    found: [at(1, 'status', '400', '202'), at(2, 'count of the entries', '1', '2'), at(2, 'value [].backupId', '+0', '+0 | +26')],
    steps: [{ took: '+0' }, { took: '+26' }, {}],
    groups: [['status: 400 / 202 @1', 'count of the entries @2', 'value [].backupId @2']],
  },
  {
    name: 'an entry listed on one side only that no differing take made stays a difference of its own',
    found: [at(1, 'status', '400', '202'), at(3, 'value [].backupId', '+0 | +64', '+0 | +26')],
    steps: [{ took: '+0' }, { took: '+26' }, { took: '+64' }, {}],
    groups: [['status: 400 / 202 @1'], ['value [].backupId: +0 | +64 / +0 | +26 @3']],
  },
];

describe('groupDifferences', () => {
  for (const { name, found, steps, groups } of cases) test(name, () => assert.deepEqual(shown(found, steps ?? []), groups));
});
