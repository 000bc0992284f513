/** The interactions log of one person (one-to-ones, calls, thank-yous, asks); mounted in the person's detail. */
export function PersonInteractions(_props: { personId: string }) {
  return null
}
