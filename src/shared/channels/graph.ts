/** Contract slice for the graph feature (see contract.ts). */
export const graphChannels = {}
