/** Contract slice for the analytics feature (see contract.ts). */
export const analyticsChannels = {}
