export * from './quality'
export * from './counts'
export * from './period'
export * from './scorecard'
