// Forms read into the write operations' input: table-driven over what people type.
import { describe, expect, it } from 'vitest';
import { errorsFor, failedState, IDLE, inputState, shown, shownList, valuesOf } from '@/app/_components/forms/form-state';
import { FormReader } from '@/app/_lib/form-input';

describe('FormReader', () => {
  it.each([
    ['', null, []],
    ['  ', null, []],
    ['1999', 1999, []],
    [' 2004 ', 2004, []],
    ['-3', -3, []],
    ['20o4', null, ['must be a whole number']],
    ['1e3', null, ['must be a whole number']],
    ['2.5', null, ['must be a whole number']],
    ['9999999999999999', null, ['must be a whole number']],
  ])('optionalInteger(%j) is %j', (typed, value, problems) => {
    const form = new FormReader({ year: typed });
    expect(form.optionalInteger('year')).toBe(value);
    expect(form.errors.year ?? []).toEqual(problems);
  });

  it('integer() says a missing choice must be chosen', () => {
    const form = new FormReader({ position: '' });
    expect(form.integer('position')).toBeUndefined();
    expect(form.errors).toEqual({ position: ['must be chosen'] });
  });

  it.each([
    ['Orban\n  Viktor Orbán \r\n\n the Hungarian prime minister', ['Orban', 'Viktor Orbán', 'the Hungarian prime minister']],
    ['', []],
    ['\n \n', []],
  ])('lines(%j)', (typed, lines) => {
    expect(new FormReader({ aliases: typed }).lines('aliases')).toEqual(lines);
  });

  it('ids(): repeated fields as distinct positive ids; anything else is named', () => {
    const ok = new FormReader({ evidence: ['12', '7', '12'] });
    expect(ok.ids('evidence')).toEqual([12, 7]);
    expect(ok.ok).toBe(true);
    expect(new FormReader({ evidence: '3' }).ids('evidence')).toEqual([3]);
    expect(new FormReader({}).ids('evidence')).toEqual([]);
    const bad = new FormReader({ evidence: ['4', '0', 'x; drop table'] });
    expect(bad.ids('evidence')).toEqual([4]);
    expect(bad.errors.evidence).toEqual(['"0" is not a quote id', '"x; drop table" is not a quote id']);
  });

  it('text is trimmed, optional text is null when empty, verbatim keeps everything', () => {
    const form = new FormReader({ title: '  A title ', url: '   ', body: '  Body\r\n' });
    expect(form.text('title')).toBe('A title');
    expect(form.optionalText('url')).toBeNull();
    expect(form.verbatim('body')).toBe('  Body\r\n');
    expect(form.checkbox('confirmed')).toBe(false);
    expect(new FormReader({ confirmed: 'on' }).checkbox('confirmed')).toBe(true);
  });
});

describe('form state', () => {
  it('valuesOf keeps repeated names as lists and leaves out React’s action fields', () => {
    const data = new FormData();
    data.append('$ACTION_ID_abc', '');
    data.append('name', 'Hungary');
    data.append('evidence', '1');
    data.append('evidence', '2');
    expect(valuesOf(data)).toEqual({ name: 'Hungary', evidence: ['1', '2'] });
  });

  it('errorsFor gives a field its own messages and its parts’, by item', () => {
    const state = inputState({ aliases: ['at most 100 aliases'], 'aliases.2': ['must not be empty'], 'scaleLabels.4': ['must not be empty'], name: ['must not be empty'] }, {}, IDLE);
    expect(errorsFor(state, 'aliases')).toEqual(['at most 100 aliases', 'item 3: must not be empty']);
    expect(errorsFor(state, 'scaleLabels.4')).toEqual(['must not be empty']);
    expect(errorsFor(state, 'scaleLabels.3')).toEqual([]);
    expect(errorsFor(state, 'nam')).toEqual([]);
    expect(state.message).toBe('4 fields need attention; nothing was saved');
  });

  it('a version conflict becomes a conflict with the current record; other refusals are errors by field', () => {
    const conflict = failedState({ ok: false, status: 409, message: 'changed', fieldErrors: { version: ['changed'] }, current: { version: 4, name: 'X' } }, { name: 'Y' }, IDLE);
    expect(conflict).toMatchObject({ status: 'conflict', current: { version: 4 }, errors: {}, values: { name: 'Y' }, seq: 1 });
    const taken = failedState({ ok: false, status: 409, message: 'asOf: taken', fieldErrors: { asOf: ['taken'] }, current: { id: 3 } }, {}, conflict);
    expect(taken).toMatchObject({ status: 'error', current: null, errors: { asOf: ['taken'] }, seq: 2 });
  });

  it('shows what was submitted, else the record’s value', () => {
    expect(shown(IDLE, 'name', 'Hungary')).toBe('Hungary');
    const state = inputState({}, { name: '', tags: ['a', 'b'] }, IDLE);
    expect(shown(state, 'name', 'Hungary')).toBe('');
    expect(shownList(state, 'tags', ['z'])).toEqual(['a', 'b']);
    expect(shownList(state, 'other', ['z'])).toEqual([]);
    expect(shownList(IDLE, 'other', ['z'])).toEqual(['z']);
  });
});

describe('refusal messages', () => {
  it('a 400 with field errors is summed up by count; other refusals keep their message', () => {
    const invalid = failedState({ ok: false, status: 400, message: 'stance.summary: must not be empty; stance.asOf: must be a date', fieldErrors: { summary: ['must not be empty'], asOf: ['must be a date'] } }, {}, IDLE);
    expect(invalid.message).toBe('2 fields need attention; nothing was saved');
    const forbidden = failedState({ ok: false, status: 403, message: 'viewer@example.org (viewer) may not stance:create', fieldErrors: {} }, {}, IDLE);
    expect(forbidden.message).toBe('viewer@example.org (viewer) may not stance:create');
  });
});
