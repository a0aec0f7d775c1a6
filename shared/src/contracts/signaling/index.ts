export * from './media-types';
export * from './peers';
export * from './requests';
export * from './notifications';
export * from './ticket';
export * from './close-codes';
