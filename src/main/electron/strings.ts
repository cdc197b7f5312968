import type { LanguageSetting } from '../../shared/contract/settings';

/**
 * The main process's own text (menu, About box, notifications). Main has no i18next: this small
 * typed catalog is it, and the Korean half must have every key the English half has (the type says so).
 */
const en = {
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    settings: 'Settings…',
    commandPalette: 'Command Palette…',
    keyboardShortcuts: 'Keyboard Shortcuts',
    about: 'About Berth',
    quit: 'Quit Berth',
    hide: 'Hide Berth',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    services: 'Services',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    devTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    front: 'Bring All to Front',
  },
  about: {
    title: 'About Berth',
    message: 'Berth {version}',
    detail: 'A desktop app for managing Docker containers.',
    berth: 'Berth',
    electron: 'Electron',
    chromium: 'Chromium',
    node: 'Node.js',
    engine: 'Docker engine',
    engineUnavailable: 'not connected',
    copy: 'Copy versions',
    ok: 'OK',
  },
  notify: {
    exportDone: 'Export finished',
    exportFailed: 'Export failed',
    importDone: 'Import finished',
    importFailed: 'Import failed',
    copyDone: 'Copy finished',
    copyFailed: 'Copy failed',
    pullDone: 'Pull finished',
    pullFailed: 'Pull failed',
    pushDone: 'Push finished',
    pushFailed: 'Push failed',
  },
  link: {
    title: 'Open link',
    message: 'Open this link from the terminal in your browser?',
    open: 'Open',
    copy: 'Copy link',
    cancel: 'Cancel',
  },
};

export type MainStrings = typeof en;

const ko: MainStrings = {
  menu: {
    file: '파일',
    edit: '편집',
    view: '보기',
    window: '창',
    help: '도움말',
    settings: '설정…',
    commandPalette: '명령 팔레트…',
    keyboardShortcuts: '단축키',
    about: 'Berth 정보',
    quit: 'Berth 종료',
    hide: 'Berth 가리기',
    hideOthers: '기타 가리기',
    showAll: '모두 보기',
    services: '서비스',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    reload: '새로 고침',
    devTools: '개발자 도구 열기/닫기',
    resetZoom: '실제 크기',
    zoomIn: '확대',
    zoomOut: '축소',
    fullScreen: '전체 화면 켜기/끄기',
    minimize: '최소화',
    zoom: '확대/축소',
    close: '창 닫기',
    front: '모두 앞으로 가져오기',
  },
  about: {
    title: 'Berth 정보',
    message: 'Berth {version}',
    detail: 'Docker 컨테이너를 관리하는 데스크톱 앱입니다.',
    berth: 'Berth',
    electron: 'Electron',
    chromium: 'Chromium',
    node: 'Node.js',
    engine: 'Docker 엔진',
    engineUnavailable: '연결되지 않음',
    copy: '버전 정보 복사',
    ok: '확인',
  },
  notify: {
    exportDone: '내보내기 완료',
    exportFailed: '내보내기 실패',
    importDone: '가져오기 완료',
    importFailed: '가져오기 실패',
    copyDone: '복사 완료',
    copyFailed: '복사 실패',
    pullDone: '풀 완료',
    pullFailed: '풀 실패',
    pushDone: '푸시 완료',
    pushFailed: '푸시 실패',
  },
  link: {
    title: '링크 열기',
    message: '터미널에 나온 이 링크를 브라우저에서 열까요?',
    open: '열기',
    copy: '링크 복사',
    cancel: '취소',
  },
};

export type MainLanguage = 'en' | 'ko';
export const MAIN_STRINGS: Readonly<Record<MainLanguage, MainStrings>> = { en, ko };

/** The language the setting names; "system" follows the OS locale (Electron's app.getLocale()). */
export function mainLanguage(setting: LanguageSetting, systemLocale: string): MainLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function stringsFor(setting: LanguageSetting, systemLocale: string): MainStrings {
  return MAIN_STRINGS[mainLanguage(setting, systemLocale)];
}
