export * from './types.js';
export { computeCapacity, householdRsa, seizableShare } from './capacity.js';
export { referenceInForce, scaleProblems } from './reference.js';
export { euros } from './text.js';
export { floorAmount } from './floors.js';
