/** Contract slice for the files feature (see contract.ts). */
export const filesChannels = {}
