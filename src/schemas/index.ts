export * from './shared';
export * from './role';
export * from './language';
export * from './tool';
export * from './guide';
export * from './faq';
export * from './registry';
