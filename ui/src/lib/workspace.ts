// Labels and drafts for what surrounds a rollout: risks, decisions, messages,
// stakeholders and the scope log.
import type { AdkarStage } from './bindings/AdkarStage';
import type { Communication } from './bindings/Communication';
import type { CommunicationDraft } from './bindings/CommunicationDraft';
import type { Decision } from './bindings/Decision';
import type { DecisionDraft } from './bindings/DecisionDraft';
import type { DecisionOutcome } from './bindings/DecisionOutcome';
import type { Raci } from './bindings/Raci';
import type { Risk } from './bindings/Risk';
import type { RiskDraft } from './bindings/RiskDraft';
import type { RiskStatus } from './bindings/RiskStatus';
import type { ScopeChange } from './bindings/ScopeChange';
import type { ScopeChangeDraft } from './bindings/ScopeChangeDraft';
import type { Stakeholder } from './bindings/Stakeholder';
import type { StakeholderDraft } from './bindings/StakeholderDraft';
import { ADKAR_STAGE_LABELS, DECISION_OUTCOME_LABELS, RACI_LABELS, RISK_STATUS_LABELS } from './generated/labels';

export { RISK_STATUS_LABELS, DECISION_OUTCOME_LABELS as OUTCOME_LABELS, RACI_LABELS };
/** ADKAR's stages in order, with the core's labels. */
export const ADKAR_STAGES: { key: AdkarStage; label: string }[] = (Object.entries(ADKAR_STAGE_LABELS) as [AdkarStage, string][]).map(
  ([key, label]) => ({ key, label }),
);

export function riskDraftOf(risk: Risk | null): RiskDraft {
  return risk
    ? { title: risk.title, likelihood: risk.likelihood, impact: risk.impact, mitigation: risk.mitigation, owner: risk.owner_name, trigger: risk.trigger, status: risk.status }
    : { title: '', likelihood: 3, impact: 3, mitigation: '', owner: '', trigger: '', status: 'open' };
}

export function decisionDraftOf(decision: Decision | null, today: string): DecisionDraft {
  return decision
    ? {
        decided_on: decision.decided_on, title: decision.title, constraints: decision.constraints, options: decision.options,
        choice: decision.choice, rationale: decision.rationale, decided_by: decision.decided_by,
        verification: decision.verification, outcome: decision.outcome, outcome_note: decision.outcome_note,
      }
    : {
        decided_on: today, title: '', constraints: '', options: '', choice: '', rationale: '', decided_by: '',
        verification: '', outcome: 'not_yet_known', outcome_note: '',
      };
}

export function communicationDraftOf(message: Communication | null, today: string): CommunicationDraft {
  return message
    ? { audience: message.audience, channel: message.channel, message: message.message, send_on: message.send_on, owner: message.owner_name, sent_on: message.sent_on }
    : { audience: '', channel: '', message: '', send_on: today, owner: '', sent_on: null };
}

export function stakeholderDraftOf(stakeholder: Stakeholder | null): StakeholderDraft {
  return stakeholder
    ? {
        name: stakeholder.name, is_group: stakeholder.is_group, person_id: stakeholder.person_id, notes: stakeholder.notes,
        raci: stakeholder.raci.map((r) => ({ ...r })), adkar: { ...stakeholder.adkar },
      }
    : {
        name: '', is_group: true, person_id: null, notes: '', raci: [],
        adkar: { awareness: null, desire: null, knowledge: null, ability: null, reinforcement: null },
      };
}

export function scopeDraftOf(change: ScopeChange | null, today: string): ScopeChangeDraft {
  return change
    ? { logged_on: change.logged_on, cut: change.cut, reason: change.reason, protected: change.protected }
    : { logged_on: today, cut: '', reason: '', protected: '' };
}

/** Workstreams named across every stakeholder's RACI, in first-seen order. */
export function workstreams(stakeholders: Stakeholder[]): string[] {
  const seen: string[] = [];
  for (const s of stakeholders) for (const r of s.raci) if (!seen.includes(r.workstream)) seen.push(r.workstream);
  return seen;
}
