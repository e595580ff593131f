// Every string the portal shows comes from a locale file (zh-CN.json by default, en.json).
// `t('a.b', { n: 3 })` looks up a.b in the current locale, then in Chinese, and fills {n}.
import { signal } from '@preact/signals';
import zh from './zh-CN.json';
import en from './en.json';

export type Locale = 'zh-CN' | 'en';
const tables: Record<Locale, Record<string, unknown>> = { 'zh-CN': zh, en };

const saved = (typeof localStorage !== 'undefined' && localStorage.getItem('gongzhi.locale')) as Locale | null;
export const locale = signal<Locale>(saved === 'en' ? 'en' : 'zh-CN');

export function setLocale(l: Locale) {
  locale.value = l;
  localStorage.setItem('gongzhi.locale', l);
  document.documentElement.lang = l;
}

function lookup(table: Record<string, unknown>, key: string): string | undefined {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether `key` has a text in the current locale (or in Chinese). */
export const has = (key: string) => lookup(tables[locale.value], key) !== undefined || lookup(zh, key) !== undefined;

export function t(key: string, vars: Record<string, string | number> = {}): string {
  const template = lookup(tables[locale.value], key) ?? lookup(zh, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** A duration in milliseconds as words: "约 3 分钟", "about 2 hours". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (ms < 60000) return t('time.seconds', { n: Math.max(1, Math.round(ms / 1000)) });
  if (minutes < 120) return t('time.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('time.hours', { n: hours });
  return t('time.days', { n: Math.round(hours / 24) });
}
