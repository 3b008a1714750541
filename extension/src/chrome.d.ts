/**
 * The part of the WebExtensions API the connector uses (Chromium's `chrome.*`, which Firefox
 * also provides, with promises). Declared here rather than pulling in a types package.
 */
declare namespace chrome {
  namespace runtime {
    const id: string;
    function getURL(path: string): string;
    function openOptionsPage(): Promise<void>;
    const onInstalled: Event<() => void>;
    const onStartup: Event<() => void>;
  }
  interface Event<T extends (...args: never[]) => unknown> {
    addListener(listener: T): void;
  }
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
      title?: string;
    }
    function query(filter: { active?: boolean; currentWindow?: boolean; url?: string }): Promise<Tab[]>;
    function create(options: { url: string; active?: boolean }): Promise<Tab>;
  }
  namespace scripting {
    interface InjectionResult<T> {
      result?: T;
    }
    function executeScript<T>(injection: {
      target: { tabId: number };
      func: () => T;
    }): Promise<InjectionResult<Awaited<T>>[]>;
  }
  namespace storage {
    interface Area {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    }
    const local: Area;
  }
  namespace contextMenus {
    interface OnClickData {
      menuItemId: string | number;
      linkUrl?: string;
      pageUrl?: string;
      selectionText?: string;
    }
    function create(properties: { id: string; title: string; contexts: string[] }): void;
    function removeAll(): Promise<void>;
    const onClicked: Event<(info: OnClickData, tab?: tabs.Tab) => void>;
  }
  namespace commands {
    const onCommand: Event<(command: string, tab?: tabs.Tab) => void>;
  }
  namespace action {
    function setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
    function setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    function setTitle(details: { title: string }): Promise<void>;
    function getBadgeText(details: { tabId?: number }): Promise<string>;
    const onClicked: Event<(tab: tabs.Tab) => void>;
  }
  namespace alarms {
    function create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
    function clear(name: string): Promise<boolean>;
    const onAlarm: Event<(alarm: { name: string }) => void>;
  }
  namespace notifications {
    function create(
      id: string,
      options: {
        type: 'basic';
        iconUrl: string;
        title: string;
        message: string;
        buttons?: { title: string }[];
      },
    ): Promise<string>;
    const onClicked: Event<(id: string) => void>;
    const onButtonClicked: Event<(id: string, button: number) => void>;
  }
  namespace permissions {
    function request(permissions: { origins: string[] }): Promise<boolean>;
  }
}
