import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';

/** `<lk-cabinet>`'s strings, Russian: the seed's wording (steps 3, 4, 6, 7). */
export const cabinetRu = {
  ...commonRu,
  /** The name of the whole cabinet, for its landmark. */
  cabinet: 'Личный кабинет',
  navigation: 'Разделы Личного кабинета',
  sections: {
    account: 'Лицевой счет',
    connect: 'Подключить ЛС',
    settings: 'Настройки',
  },
  signedInAs: (email: string) => `Вы вошли как ${email}`,
  logout: 'Выйти',
  loggingOut: 'Выполняется выход…',
  loggedOut: 'Вы вышли из Личного кабинета.',
  welcome: 'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.',
  service:
    'Данный сервис предоставляет возможность работы с Вашими лицевыми счетами: просмотр информации по счетам и тарифам, передачу показаний оборудования, оплату лицевых счетов, и прочие услуги.',
  chooseSection: 'Для начала работы выберите раздел на панели навигации, расположенной сверху.',
  connectFirst:
    'Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета. Для получения инструкции по подключению лицевых счетов перейдите в раздел',
  connectLink: 'Подключить ЛС',
  accountTitle: 'Лицевой счет',
  currentAccount: 'Текущий лицевой счет',
  accountNumber: 'Номер',
  supplier: 'Поставщик',
  address: 'Адрес',
  connectIntro:
    'Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета, зарегистрированные у поставщика услуг к своему Личному кабинету.',
  expired: (section: string) =>
    `Сеанс работы с Личным кабинетом истёк. Войдите снова — Вы вернётесь в раздел «${section}», введённые данные сохранены.`,
  expiredNoSection: 'Сеанс работы с Личным кабинетом истёк. Войдите снова.',
  help: 'Помощь',
  helpText:
    'При возникновении дополнительных вопросов пользуйтесь подсказками внутри Личного кабинета: они открываются при наведении мышью или переходе клавишей Tab на знак «?».',
  supportText: 'Вы также можете задать вопрос службе технической поддержки Личного кабинета по электронной почте:',
};

export type CabinetMessages = typeof cabinetRu;

export const cabinetMessages = new Catalogue<CabinetMessages>(cabinetRu, {
  en: () => import('./cabinet.messages.en.js'),
});
