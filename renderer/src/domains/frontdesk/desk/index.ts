/** What other domains may use of the desk screens: the home page's section, F2 to the on-site list. */
export { FrontdeskHome } from './FrontdeskHome';
export { ON_SITE_KEY, ON_SITE_PATH, useOnSiteKey } from './keys';
