/** The shop's own voice for the journey bench: its brand and senders, and its live wording from the configured store. */
import type { AppConfig, ShopVoice } from '../../common/config';
import { createStore, type Store } from '../../store';
import type { TemplateVersion } from '../../store/templates';

/** What the bench speaks in besides the built-in catalog: shop voices, and each shop's live template versions. */
export interface ShopWording {
  voices: ReadonlyMap<string, ShopVoice>;
  templates: ReadonlyMap<string, TemplateVersion[]>;
}

/** Opens the configured store, or says how to free it when `npm start` holds the embedded one. */
async function configuredStore(config: AppConfig): Promise<Store> {
  try {
    return await createStore(config);
  } catch (err) {
    throw new Error(
      `cannot read the shop's templates from the configured store (${(err as Error).message}). ` +
        'Stop `npm start` while the journey runs, or set DATABASE_URL so both can share a PostgreSQL server.',
    );
  }
}

/** The shop's voice and live template versions, read from the configured store, which is closed right after. */
export async function shopWording(config: AppConfig, shopId: string): Promise<ShopWording> {
  const store = await configuredStore(config);
  try {
    return { voices: config.voices, templates: new Map([[shopId, await store.templates.effective(shopId)]]) };
  } finally {
    await store.close();
  }
}
