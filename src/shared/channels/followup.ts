/** Contract slice for the followup feature (see contract.ts). */
export const followupChannels = {}
