// Every write the JSON API and the pages make, as specs for the write helper: route handlers call
// performWrite(request, spec), server actions performServerAction(spec, input) (lib/write/perform.ts).
export { createActor, updateActor } from './actors';
export { addCampMember, createCamp } from './camps';
export { deleteRecord, restoreRecord, type RecordKey } from './lifecycle';
export { acceptQuote, rejectQuote, updateQuote } from './quotes';
export { articleFromFile, articleFromInput, storeArticle, storePastedArticle, type StoredArticle } from './sources';
export { createStance, updateStance } from './stances';
export { createTopic, updateTopic } from './topics';
export { createToken, createUser, revokeTokens, updateUser, type TokenRecord } from './accounts';
