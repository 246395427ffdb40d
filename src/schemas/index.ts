export * from './shared.ts';
export * from './role.ts';
export * from './language.ts';
export * from './tool.ts';
export * from './guide.ts';
export * from './faq.ts';
export * from './registry.ts';
