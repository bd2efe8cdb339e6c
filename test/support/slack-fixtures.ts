import { datePicker, numberInput, plainInput, staticSelect } from './slack-requests.js';

/** A valid experiment form as Slack submits it; override single fields to make it invalid. */
export function experimentValues(overrides: Record<string, Record<string, unknown>> = {}) {
  return {
    behavior: { value: plainInput('Ask before I tell in 1:1s') },
    hypothesis: { value: plainInput('My team brings more of their own solutions') },
    kpiName: { value: plainInput('Ideas raised per week') },
    kpiUnit: { value: plainInput('ideas') },
    kpiBaseline: { value: numberInput('3') },
    kpiTarget: { value: numberInput('8') },
    kpiDirection: { value: staticSelect('increase') },
    startDate: { value: datePicker('2026-03-02') },
    lengthWeeks: { value: staticSelect('13') },
    ...overrides,
  };
}
