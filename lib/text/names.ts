/** The lower-case particles of surnames: "Ludwig van Beethoven", "Bill de Blasio", "Osama bin Laden". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'al', 'ter', 'ten']);
