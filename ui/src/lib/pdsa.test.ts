import { describe, expect, it } from 'vitest';
import { pdsaDraftOf, pdsaFormOf } from './pdsa';

describe('pdsaDraftOf', () => {
  const form = { ...pdsaFormOf(null, '2027-03-01', '2027-03-14'), change: 'Second reminder', prediction: '80%' };

  it('reads a predicted value typed with its unit', () => {
    const draft = pdsaDraftOf(form, 'metric-1');
    expect(draft.prediction_value, 'the % sign is the unit, not part of the number').toBe(80);
    expect(draft.metric_id).toBe('metric-1');
    expect(draft.do_from, 'a new cycle starts today').toBe('2027-03-01');
    expect(draft.do_to, 'and runs two weeks').toBe('2027-03-14');
  });

  it('sends no value for text that is not a number, so the core says what is missing', () => {
    expect(pdsaDraftOf({ ...form, prediction: 'about 80' }, 'm').prediction_value).toBeNull();
    expect(pdsaDraftOf({ ...form, prediction: '' }, 'm').prediction_value).toBeNull();
  });
});
