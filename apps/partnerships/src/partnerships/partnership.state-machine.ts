import type { PartnershipStatus } from '@c2c/contracts';

/**
 * The lifecycle. `expire` also leaves `suspended`: a suspended partnership still ends at its end date
 * (the contract's vocabulary documents `active | suspended → expired`); without it a suspension would
 * outlive the agreement forever.
 */
export const TRANSITIONS = {
  activate: { from: ['proposed'], to: 'active' },
  decline: { from: ['proposed'], to: 'declined' },
  withdraw: { from: ['proposed'], to: 'withdrawn' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  terminate: { from: ['active', 'suspended'], to: 'terminated' },
  expire: { from: ['active', 'suspended'], to: 'expired' },
} as const satisfies Record<string, { from: readonly PartnershipStatus[]; to: PartnershipStatus }>;

export type Transition = keyof typeof TRANSITIONS;

/** Things done to a partnership that need a state but do not change it. */
const STATE_BOUND_ACTIONS = {
  accept: ['proposed'],
  'record-activity': ['active'],
  'flag-dormant': ['active'],
  'remind-renewal': ['active'],
} as const satisfies Record<string, readonly PartnershipStatus[]>;

export type PartnershipAction = Transition | keyof typeof STATE_BOUND_ACTIONS;

/** An action the current state does not allow. */
export class InvalidTransition extends Error {
  constructor(
    readonly action: PartnershipAction,
    readonly current: PartnershipStatus,
  ) {
    super(`cannot ${action} a partnership that is ${current}`);
    this.name = 'InvalidTransition';
  }
}

const statesAllowing = (action: PartnershipAction): readonly PartnershipStatus[] =>
  action in TRANSITIONS
    ? TRANSITIONS[action as Transition].from
    : STATE_BOUND_ACTIONS[action as keyof typeof STATE_BOUND_ACTIONS];

export const isAllowed = (action: PartnershipAction, status: PartnershipStatus): boolean =>
  statesAllowing(action).includes(status);

/** Throws {@link InvalidTransition} unless `status` allows `action`. */
export function assertAllowed(action: PartnershipAction, status: PartnershipStatus): void {
  if (!isAllowed(action, status)) throw new InvalidTransition(action, status);
}

/** The state `transition` leads to from `status`, or {@link InvalidTransition}. */
export function nextStatus(status: PartnershipStatus, transition: Transition): PartnershipStatus {
  assertAllowed(transition, status);
  return TRANSITIONS[transition].to;
}

/** The transitions possible from `status`; none from a final state. */
export const transitionsFrom = (status: PartnershipStatus): Transition[] =>
  (Object.keys(TRANSITIONS) as Transition[]).filter((transition) => isAllowed(transition, status));

export const isFinal = (status: PartnershipStatus): boolean => transitionsFrom(status).length === 0;
