/**
 * The parcel locker each locale's journey customer collects from, near where they live (their persona's city),
 * run by a carrier that serves it, with the code the locker hands out. A new locale needs its locker here too
 * (the record's type asks for every language).
 */
import type { LanguageCode } from '../activities/templates/locales/index';
import type { PickupPoint } from '../workflows/contract';

export interface Locker {
  point: PickupPoint;
  /** The code the customer opens the locker with, as its carrier issues them. */
  code: string;
}

const osm = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;

export const LOCKERS: Record<LanguageCode, Locker> = {
  // Leeds: an InPost locker outside a supermarket.
  en: {
    point: {
      id: 'LDS412',
      kind: 'locker',
      name: 'InPost Locker LDS412',
      address: 'Kirkstall Road, Leeds LS4 2AS',
      openingHours: '24/7',
      mapUrl: osm(53.803, -1.574),
    },
    code: '318406',
  },
  // Moscow: a CDEK postamat.
  ru: {
    point: {
      id: 'MSK2081',
      kind: 'locker',
      name: 'Постамат СДЭК MSK2081',
      address: 'Москва, Новослободская ул., 16',
      openingHours: 'круглосуточно',
      mapUrl: osm(55.781, 37.599),
    },
    code: '731604',
  },
  // Kraków: an InPost Paczkomat.
  pl: {
    point: {
      id: 'KRA12M',
      kind: 'locker',
      name: 'Paczkomat KRA12M',
      address: 'ul. Karmelicka 35, 31-131 Kraków',
      openingHours: '24/7',
      mapUrl: osm(50.068, 19.93),
    },
    code: '482913',
  },
  // The Ukrainian customer lives in Wrocław and ships with InPost: a Paczkomat there fits her order.
  uk: {
    point: {
      id: 'WRO05M',
      kind: 'locker',
      name: 'Paczkomat WRO05M',
      address: 'ul. Legnicka 58, 54-204 Wrocław',
      openingHours: '24/7',
      mapUrl: osm(51.118, 16.995),
    },
    code: '205817',
  },
  // Cologne: a DHL Packstation.
  de: {
    point: {
      id: 'PS154',
      kind: 'locker',
      name: 'DHL Packstation 154',
      address: 'Hohenzollernring 50, 50672 Köln',
      openingHours: '24/7',
      mapUrl: osm(50.939, 6.939),
    },
    code: '7394',
  },
};
