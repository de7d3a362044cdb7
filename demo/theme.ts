/**
 * The demo site's brand and colour-scheme switch: the host page's side of
 * theming. It only sets `data-brand` and `data-scheme` on <html>; demo.css
 * maps them to the site's variables and those to the cabinet's `--lk-…`
 * custom properties. No SDK code is involved. The choice is kept in
 * localStorage (a display preference, nothing secret).
 */
const BRANDS = {
  pskov: { name: 'Межрегионгаз Псков', region: 'Псковская область' },
  pyatigorsk: { name: 'Межрегионгаз Пятигорск', region: 'Республика Дагестан' },
} as const;
type Brand = keyof typeof BRANDS;
type Scheme = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'lk-widgets-demo-theme';
const systemDark = matchMedia('(prefers-color-scheme: dark)');

function saved(): { brand: Brand; scheme: Scheme } {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as { brand?: string; scheme?: string };
    return {
      brand: value.brand && value.brand in BRANDS ? (value.brand as Brand) : 'pskov',
      scheme: value.scheme === 'light' || value.scheme === 'dark' ? value.scheme : 'system',
    };
  } catch {
    return { brand: 'pskov', scheme: 'system' };
  }
}

function apply(brand: Brand, scheme: Scheme): void {
  const root = document.documentElement;
  root.dataset.brand = brand;
  root.dataset.scheme = scheme === 'system' ? (systemDark.matches ? 'dark' : 'light') : scheme;
  const site = BRANDS[brand];
  document.getElementById('site-name')!.textContent = site.name;
  document.getElementById('site-region')!.textContent = site.region;
}

/** Wires the top bar's two selects. */
export function startThemeSwitcher(): void {
  const brandSelect = document.getElementById('theme-brand') as HTMLSelectElement;
  const schemeSelect = document.getElementById('theme-scheme') as HTMLSelectElement;
  const current = saved();
  brandSelect.value = current.brand;
  schemeSelect.value = current.scheme;
  const update = () => {
    const brand = brandSelect.value as Brand;
    const scheme = schemeSelect.value as Scheme;
    apply(brand, scheme);
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ brand, scheme }));
  };
  brandSelect.addEventListener('change', update);
  schemeSelect.addEventListener('change', update);
  systemDark.addEventListener('change', update);
  apply(current.brand, current.scheme);
}
