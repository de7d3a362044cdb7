import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as v from 'valibot';
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH, EmailSchema, emailKey } from '../../src/schemas/email.js';

/** The one issue code `EmailSchema` gives for `input`, or `null` when it passes. */
function schemaIssue(input: unknown): string | null {
  const result = v.safeParse(EmailSchema, input);
  return result.success ? null : result.issues[0].message;
}

/** What `EmailSchema` makes of an accepted address. */
function parsed(input: string): string {
  return v.parse(EmailSchema, input);
}

/** A well-formed address of exactly `length` characters (labels of at most 63). */
function addressOfLength(length: number, localLength = 64): string {
  const local = 'a'.repeat(localLength);
  let domain = 'ru';
  while (local.length + 1 + domain.length < length) {
    const room = length - (local.length + 1 + domain.length) - 1;
    domain = `${'b'.repeat(Math.max(1, Math.min(63, room)))}.${domain}`;
  }
  const address = `${local}@${domain}`;
  if (address.length !== length) throw new Error(`addressOfLength: made ${address.length}, not ${length}`);
  return address;
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const DIGITS = '0123456789';

/** One label (or local part) in one script: letters and digits, with inner `sep` characters. */
const word = (letters: string, separators: string, maxLength = 12) =>
  fc
    .tuple(
      fc.constantFrom(...letters),
      fc.string({ unit: fc.constantFrom(...letters, ...DIGITS, ...separators), maxLength }),
      fc.constantFrom(...letters, ...DIGITS),
    )
    .map(([first, middle, last]) => `${first}${middle}${last}`)
    .filter((text) => !/[.-]{2}/.test(text));

const GREEK = 'αβγδεζηθικλμνξοπρστυφχψω';
/** Greek and Cyrillic letters that pass for Latin ones. */
const LOOK_ALIKES = ['\u03bf', '\u03b1', '\u03bd', '\u03b9', '\u03ba', '\u03c1', '\u0430', '\u0435', '\u043e', '\u0440', '\u0441', '\u0443', '\u0445'];

const script = fc.constantFrom(LATIN, CYRILLIC);

/** Valid addresses: every label in one script (Latin or Cyrillic), a letter TLD. */
const validAddress = fc
  .tuple(
    script.chain((letters) => word(letters, '.+_-')),
    fc.array(script.chain((letters) => word(letters, '-')), { minLength: 1, maxLength: 3 }),
    script.chain((letters) => fc.string({ unit: fc.constantFrom(...letters), minLength: 2, maxLength: 6 })),
  )
  .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);

/** Changes the case of each character by a repeating pattern of flags. */
const recase = (text: string, upper: readonly boolean[]) =>
  [...text].map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char.toLowerCase())).join('');

/** Every character `\s` matches (and `String.prototype.trim` drops). */
const WHITESPACE = [
  ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: anyCodeUnit }),
  fc.string({ unit: fc.constantFrom('a', 'я', '@', '.', '-', ' ', '１', 'о', 'o', '😀', '"') }),
);

describe('EmailSchema', () => {
  describe('accepts', () => {
    const accepted: Array<[string, string]> = [
      ['a plain address', 'user@example.ru'],
      ['a plus tag', 'user+bills@example.ru'],
      ['dots and hyphens', 'ivan.petrov-jr@my-domain.example.ru'],
      ['subdomains', 'user@mail.city.example.ru'],
      ['an internationalised address', 'иван@почта.рф'],
      ['a Latin local part at an IDN domain', 'user@почта.рф'],
      ['a Cyrillic local part at a Latin domain', 'иван@example.ru'],
      ['a Greek address', 'χρήστης@παράδειγμα.ελ'],
      ['a Latin local part at a Greek domain', 'user@παράδειγμα.ελ'],
      ['a Latin ligature (one script)', '\ufb01le@example.ru'],
      ['RFC 5322 atext symbols', "o'brien!#$%&*/=?^_`{|}~@example.ru"],
    ];
    for (const [what, address] of accepted) {
      it(`${what}: ${address}`, () => {
        expect(schemaIssue(address)).to.equal(null);
        expect(parsed(address)).to.equal(address);
      });
    }

    it('keeps the case the address was typed in', () => {
      expect(parsed('Ivan.Petrov@Example.RU')).to.equal('Ivan.Petrov@Example.RU');
      expect(parsed('Иван@Почта.РФ')).to.equal('Иван@Почта.РФ');
    });

    it(`accepts ${EMAIL_MAX_LENGTH} characters and a local part of ${EMAIL_LOCAL_MAX_LENGTH}`, () => {
      expect(schemaIssue(addressOfLength(EMAIL_MAX_LENGTH, EMAIL_LOCAL_MAX_LENGTH))).to.equal(null);
    });
  });

  describe('trims surrounding white space', () => {
    it('drops spaces, tabs and line breaks around the address', () => {
      expect(parsed('  user@example.ru\t\n')).to.equal('user@example.ru');
    });

    it('drops no-break and ideographic spaces around the address', () => {
      expect(parsed('\u00a0user@example.ru\u3000')).to.equal('user@example.ru');
    });

    it('refuses an address of white space only as empty', () => {
      expect(schemaIssue(' \t\u00a0')).to.equal('email_required');
    });
  });

  describe('refuses', () => {
    const refused: Array<[string, string, string]> = [
      ['email_required', 'nothing', ''],
      ['email_too_long', `${EMAIL_MAX_LENGTH + 1} characters`, addressOfLength(EMAIL_MAX_LENGTH + 1, 60)],
      ['email_too_long', `a local part of ${EMAIL_LOCAL_MAX_LENGTH + 1}`, `${'a'.repeat(EMAIL_LOCAL_MAX_LENGTH + 1)}@example.ru`],
      ['email_spaces', 'a space in the local part', 'user name@example.ru'],
      ['email_spaces', 'a space in the domain', 'user@exam ple.ru'],
      ['email_spaces', 'a no-break space inside', 'user\u00a0name@example.ru'],
      ['email_spaces', 'a tab inside', 'user\t@example.ru'],
      ['email_spaces', 'a quoted local part with a space', '"john doe"@example.ru'],
      ['email_fullwidth', 'full-width letters', 'ｕｓｅｒ@example.ru'],
      ['email_fullwidth', 'full-width digits', 'user１２３@example.ru'],
      ['email_fullwidth', 'a full-width @', 'user＠example.ru'],
      ['email_format', 'no @', 'user.example.ru'],
      ['email_format', 'nothing before the @', '@example.ru'],
      ['email_format', 'nothing after the @', 'user@'],
      ['email_format', 'two @', 'user@name@example.ru'],
      ['email_format', 'two dots in the local part', 'user..name@example.ru'],
      ['email_format', 'two dots in the domain', 'user@example..ru'],
      ['email_format', 'a leading dot', '.user@example.ru'],
      ['email_format', 'a dot before the @', 'user.@example.ru'],
      ['email_format', 'a trailing dot', 'user@example.ru.'],
      ['email_format', 'a domain without a dot', 'user@localhost'],
      ['email_format', 'a numeric top-level domain', 'user@example.123'],
      ['email_format', 'an IP address as domain', 'user@192.168.0.1'],
      ['email_format', 'a label longer than 63', `user@${'b'.repeat(64)}.ru`],
      ['email_chars', 'an emoji', 'user😀@example.ru'],
      ['email_chars', 'markup', '<script>@example.ru'],
      ['email_chars', 'a script tag with a call', '<script>alert(1)</script>@example.ru'],
      ['email_chars', 'quotes', '"john"@example.ru'],
      ['email_chars', 'SQL-looking text', "user'--;@example.ru"],
      ['email_chars', 'a zero-width space', 'user\u200b@example.ru'],
      ['email_chars', 'an underscore in the domain', 'user@exa_mple.ru'],
      ['email_chars', 'an emoji in the domain', 'user@😀.ru'],
      ['email_mixed_script', 'a Cyrillic о among Latin letters', 'pоchta@example.ru'],
      ['email_mixed_script', 'a Cyrillic е in a Latin domain label', 'user@yandеx.ru'],
      ['email_mixed_script', 'a Latin a in a Cyrillic domain label', 'иван@пoчтa.рф'],
      ['email_mixed_script', 'a Greek omicron in a Latin local part', 'ab\u03bfnent@example.ru'],
      ['email_mixed_script', 'a Greek alpha in a Latin domain label', 'user@ex\u03b1mple.ru'],
      ['email_mixed_script', 'a Greek omicron in a Latin top-level domain', 'user@example.r\u03bf'],
      ['email_mixed_script', 'a Greek omicron in a Cyrillic label', 'иван@п\u03bfчта.рф'],
      ['email_mixed_script', 'a Cyrillic а in a Latin local part', 'm\u0430il@example.ru'],
      ['email_mixed_script', 'a mathematical bold a (NFKC Latin) in a Cyrillic label', 'иван@почт\u{1d41a}.рф'],
    ];
    for (const [code, what, address] of refused) {
      it(`${what} → ${code}`, () => {
        expect(schemaIssue(address)).to.equal(code);
      });
    }

    it('refuses values that are not strings without checking them', () => {
      for (const value of [undefined, null, 42, {}, ['user@example.ru']]) {
        const result = v.safeParse(EmailSchema, value);
        expect(result.success, String(value)).to.equal(false);
        expect(result.issues?.[0].kind).to.equal('schema');
      }
    });
  });

  describe('properties', () => {
    it('accepts every generated valid address as typed, whatever its case', () => {
      fc.assert(
        fc.property(validAddress, fc.array(fc.boolean(), { minLength: 1 }), (address, upper) => {
          const typed = recase(address, upper);
          expect(schemaIssue(typed), typed).to.equal(null);
          expect(parsed(` ${typed} `)).to.equal(typed);
        }),
      );
    });

    it('refuses any Latin label with one Greek or Cyrillic look-alike inserted', () => {
      const latinAddress = fc.tuple(word(LATIN, '.+_-'), fc.array(word(LATIN, '-'), { minLength: 1, maxLength: 3 }));
      fc.assert(
        fc.property(
          latinAddress,
          fc.nat(),
          fc.nat(),
          fc.constantFrom(...LOOK_ALIKES),
          fc.boolean(),
          ([local, labels], which, at, lookAlike, upper) => {
            const parts = [local, ...labels, 'ru'];
            const index = which % parts.length;
            const part = parts[index]!;
            const cut = at % (part.length + 1);
            const letter = upper ? lookAlike.toUpperCase() : lookAlike;
            parts[index] = `${part.slice(0, cut)}${letter}${part.slice(cut)}`;
            const address = `${parts[0]}@${parts.slice(1).join('.')}`;
            expect(schemaIssue(address), address).to.equal('email_mixed_script');
          },
        ),
      );
    });

    it('accepts addresses in one script, Greek included', () => {
      const greekAddress = fc
        .tuple(word(GREEK, '.+_-'), fc.array(word(GREEK, '-'), { minLength: 1, maxLength: 3 }), fc.string({ unit: fc.constantFrom(...GREEK), minLength: 2, maxLength: 6 }))
        .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);
      fc.assert(
        fc.property(fc.oneof(validAddress, greekAddress), (address) => {
          expect(schemaIssue(address), address).to.equal(null);
        }),
      );
    });

    it('refuses any string with white space inside', () => {
      const edge = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() === text);
      fc.assert(
        fc.property(edge, fc.constantFrom(...WHITESPACE), edge, (before, space, after) => {
          const input = `${before}${space}${after}`;
          const code = schemaIssue(input);
          expect(code, JSON.stringify(input)).to.equal(input.length > EMAIL_MAX_LENGTH ? 'email_too_long' : 'email_spaces');
        }),
      );
    });

    it('never throws on arbitrary strings', () => {
      fc.assert(
        fc.property(arbitraryText, (input) => {
          v.safeParse(EmailSchema, input);
          emailKey(input);
        }),
      );
    });

    it('never throws on arbitrary values', () => {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          v.safeParse(EmailSchema, input);
        }),
      );
    });
  });
});

describe('emailKey', () => {
  it('ignores the case of the local part and the domain', () => {
    expect(emailKey('Ivan.Petrov@Example.RU')).to.equal(emailKey('ivan.petrov@example.ru'));
  });

  it('ignores the case of Cyrillic letters', () => {
    expect(emailKey('ИВАН@ПОЧТА.РФ')).to.equal(emailKey('иван@почта.рф'));
  });

  it('gives an IDN domain in its punycode form', () => {
    expect(emailKey('Иван@Почта.РФ')).to.equal('иван@xn--80a1acny.xn--p1ai');
  });

  it('makes an IDN domain and its punycode form one login', () => {
    expect(emailKey('user@почта.рф')).to.equal(emailKey('user@xn--80a1acny.xn--p1ai'));
  });

  it('makes composed and decomposed accents one login', () => {
    expect(emailKey('jos\u00e9@example.ru')).to.equal(emailKey('jose\u0301@example.ru'));
  });

  it('makes a ligature and the letters it stands for one login (NFKC)', () => {
    expect(emailKey('\ufb01le@example.ru')).to.equal(emailKey('file@example.ru'));
    expect(emailKey('\ufb01le@example.ru')).to.equal('file@example.ru');
  });

  it('makes compatibility forms one login: mathematical letters, superscripts, Kelvin sign', () => {
    expect(emailKey('\u{1d41a}bonent@example.ru')).to.equal('abonent@example.ru');
    expect(emailKey('user\u00b2@example.ru')).to.equal('user2@example.ru');
    expect(emailKey('\u212aate@example.ru')).to.equal('kate@example.ru');
  });

  it('lower-cases without regard to the locale (a dotted capital I is not a Turkish dotless i)', () => {
    expect(emailKey('IVAN@EXAMPLE.RU')).to.equal('ivan@example.ru');
  });

  it('keeps ß apart from ss (no full case folding)', () => {
    expect(emailKey('stra\u00dfe@example.ru')).not.to.equal(emailKey('strasse@example.ru'));
    expect(emailKey('STRA\u1e9eE@example.ru')).to.equal(emailKey('stra\u00dfe@example.ru'));
  });

  it('gives NFKC variants of an address one key', () => {
    const forms = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;
    const compatible = fc.constantFrom('\ufb01', '\ufb02', '\u00b2', '\u212a', '\u2160', '\u{1d41a}', '\u00e9', 'e\u0301', '\u0439', '\u0438\u0306');
    fc.assert(
      fc.property(validAddress, compatible, fc.nat(), fc.constantFrom(...forms), (address, inserted, at, form) => {
        const cut = at % (address.indexOf('@') + 1);
        const variant = `${address.slice(0, cut)}${inserted}${address.slice(cut)}`;
        const key = emailKey(variant);
        expect(emailKey(variant.normalize(form)), variant).to.equal(key);
        expect(emailKey(variant.normalize('NFKC')), variant).to.equal(key);
      }),
    );
  });

  it('is idempotent for arbitrary strings', () => {
    fc.assert(
      fc.property(arbitraryText, (input) => {
        const key = emailKey(input);
        expect(emailKey(key), JSON.stringify(input)).to.equal(key);
      }),
    );
  });

  it('keeps different local parts apart', () => {
    expect(emailKey('user+a@example.ru')).not.to.equal(emailKey('user+b@example.ru'));
  });

  it('is idempotent for generated valid addresses', () => {
    fc.assert(
      fc.property(validAddress, (address) => {
        const key = emailKey(address);
        expect(emailKey(key)).to.equal(key);
      }),
    );
  });

  it('is case-insensitive for generated valid addresses', () => {
    fc.assert(
      fc.property(validAddress, fc.array(fc.boolean(), { minLength: 1 }), (address, upper) => {
        const key = emailKey(address);
        expect(emailKey(recase(address, upper))).to.equal(key);
        expect(emailKey(address.toUpperCase())).to.equal(key);
      }),
    );
  });
});
