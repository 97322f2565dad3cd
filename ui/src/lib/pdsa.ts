// Improvement cycles (PDSA) as the metric's detail edits them: the form's text turned
// into the draft the core checks. The study, the stage and every label come from the
// core; nothing here computes a figure.
import type { PdsaCycle } from './bindings/PdsaCycle';
import type { PdsaDraft } from './bindings/PdsaDraft';

/** The cycle form: the predicted value as typed ("80", "80%"). */
export interface PdsaForm {
  change: string;
  prediction: string;
  prediction_date: string;
  prediction_reason: string;
  do_from: string;
  do_to: string;
}

/** The form of an existing cycle, or of a new one starting `today` for two weeks. */
export function pdsaFormOf(cycle: PdsaCycle | null, today: string, inTwoWeeks: string): PdsaForm {
  if (cycle) {
    return {
      change: cycle.change,
      prediction: String(cycle.prediction.value),
      prediction_date: cycle.prediction.date,
      prediction_reason: cycle.prediction.reason,
      do_from: cycle.do_from,
      do_to: cycle.do_to,
    };
  }
  return { change: '', prediction: '', prediction_date: inTwoWeeks, prediction_reason: '', do_from: today, do_to: inTwoWeeks };
}

/** The draft the core checks; a predicted value that is not a number is sent as none,
 *  so the core's message for it shows under the field. */
export function pdsaDraftOf(form: PdsaForm, metricId: string): PdsaDraft {
  const text = form.prediction.replace(/[%,$\s]/g, '');
  const value = text === '' ? NaN : Number(text);
  return {
    metric_id: metricId,
    change: form.change,
    prediction_value: Number.isFinite(value) ? value : null,
    prediction_date: form.prediction_date,
    prediction_reason: form.prediction_reason,
    do_from: form.do_from,
    do_to: form.do_to,
  };
}
